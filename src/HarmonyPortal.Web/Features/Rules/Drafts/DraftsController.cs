using HarmonyPortal.Core.Rules;
using HarmonyPortal.Web.Features.Shared;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HarmonyPortal.Web.Features.Rules.Drafts;

/// <summary>新建与编辑规划: drafts of plans written in forms, published as the plan's next version.</summary>
[Authorize(Policy = AccessPolicies.SystemDuty)]
[Route("rules/drafts")]
public sealed class DraftsController(RuleDraftService drafts, DraftPublishing publishing) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await drafts.ListAsync(ct));

    [HttpGet("new")]
    public async Task<IActionResult> New(int? regionId, int? fromYear, int? toYear, CancellationToken ct) =>
        View(await NewPageAsync(new NewPlanInput { RegionId = regionId ?? 0, FromYear = fromYear, ToYear = toYear ?? fromYear + 2 }, ct));

    [HttpPost("")]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] NewPlanInput input, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("New", await NewPageAsync(input, ct));
        }

        var (id, errors) = await drafts.CreateAsync(new RuleDraftService.NewPlan(input.RegionId, input.FromYear ?? 0, input.ToYear ?? 0, input.Name, input.Start, input.SourceVersionId), ct);
        if (id is null)
        {
            Refuse(errors, "Input.");
            return View("New", await NewPageAsync(input, ct));
        }

        return Redirect($"/rules/drafts/{id}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Basics(int id, CancellationToken ct)
    {
        var state = await drafts.LoadAsync(id, ct);
        return View(new BasicsPage(state, BasicsInput.From(state.RuleSet)));
    }

    [HttpPost("{id:int}/basics")]
    public async Task<IActionResult> SaveBasics(int id, [Bind(Prefix = "Input")] BasicsInput input, CancellationToken ct)
    {
        var state = await drafts.LoadAsync(id, ct);
        var (set, errors) = DraftEdits.Basics(state.RuleSet, input);
        if (!await SavedAsync(id, set, errors, "Input.", ct))
        {
            return View("Basics", new BasicsPage(state, input));
        }

        TempData[Flash.Success] = "基本信息已保存到草稿。";
        return Redirect($"/rules/drafts/{id}");
    }

    [HttpGet("{id:int}/tasks")]
    public async Task<IActionResult> Tasks(int id, int? edit, CancellationToken ct)
    {
        var state = await drafts.LoadAsync(id, ct);
        var input = edit is { } i && i >= 0 && i < state.RuleSet.Tasks.Count ? TaskInput.From(state.RuleSet.Tasks[i]) : new TaskInput { Lead = state.Units.FirstOrDefault(u => u.HostsOffice)?.ShortName };
        return View(new TasksPage(state, edit, input));
    }

    /// <summary>Adds a task (<paramref name="index"/> empty) or changes the task at <paramref name="index"/>.</summary>
    [HttpPost("{id:int}/tasks")]
    public async Task<IActionResult> SaveTask(int id, int? index, [Bind(Prefix = "Input")] TaskInput input, CancellationToken ct)
    {
        var state = await drafts.LoadAsync(id, ct);
        var tasks = state.RuleSet.Tasks.ToList();
        var existing = index is { } i && i >= 0 && i < tasks.Count ? tasks[i] : null;
        var (task, errors) = DraftEdits.Task(existing, input, tasks);
        if (existing is null)
        {
            tasks.Add(task);
        }
        else
        {
            tasks[index!.Value] = task;
        }

        if (!await SavedAsync(id, state.RuleSet with { Tasks = tasks }, errors, "Input.", ct))
        {
            return View("Tasks", new TasksPage(state, existing is null ? null : index, input));
        }

        TempData[Flash.Success] = existing is null ? $"已添加任务“{task.Name}”。" : $"已保存任务“{task.Name}”。";
        return Redirect($"/rules/drafts/{id}/tasks");
    }

    [HttpPost("{id:int}/tasks/{index:int}/delete")]
    public async Task<IActionResult> DeleteTask(int id, int index, CancellationToken ct)
    {
        var state = await drafts.LoadAsync(id, ct);
        if (index >= 0 && index < state.RuleSet.Tasks.Count)
        {
            var removed = state.RuleSet.Tasks[index];
            var errors = await drafts.SaveAsync(id, state.RuleSet with { Tasks = state.RuleSet.Tasks.Where((_, i) => i != index).ToList() }, ct);
            TempData[errors.Count == 0 ? Flash.Success : Flash.Error] = errors.Count == 0
                ? $"已删除任务“{removed.Name}”及其配额和期限。"
                : "不能删除：" + string.Join("；", errors.Select(e => e.Message));
        }

        return Redirect($"/rules/drafts/{id}/tasks");
    }

    [HttpPost("{id:int}/tasks/{index:int}/move")]
    public async Task<IActionResult> MoveTask(int id, int index, int by, CancellationToken ct)
    {
        var state = await drafts.LoadAsync(id, ct);
        var tasks = state.RuleSet.Tasks.ToList();
        var to = index + Math.Sign(by);
        if (index >= 0 && index < tasks.Count && to >= 0 && to < tasks.Count)
        {
            (tasks[index], tasks[to]) = (tasks[to], tasks[index]);
            await drafts.SaveAsync(id, state.RuleSet with { Tasks = tasks }, ct);
        }

        return Redirect($"/rules/drafts/{id}/tasks");
    }

    [HttpGet("{id:int}/deadlines")]
    public async Task<IActionResult> Deadlines(int id, CancellationToken ct)
    {
        var state = await drafts.LoadAsync(id, ct);
        return View(new DeadlinesPage(state, new DeadlineInput { Year = state.RuleSet.FromYear }));
    }

    [HttpPost("{id:int}/deadlines")]
    public async Task<IActionResult> AddDeadline(int id, [Bind(Prefix = "Input")] DeadlineInput input, CancellationToken ct)
    {
        var state = await drafts.LoadAsync(id, ct);
        var (deadline, errors) = DraftEdits.Deadline(state.RuleSet, input);
        var set = state.RuleSet;
        if (deadline is not null)
        {
            var tasks = set.Tasks.ToList();
            tasks[input.TaskIndex] = tasks[input.TaskIndex] with { Deadlines = [.. tasks[input.TaskIndex].Deadlines, deadline] };
            set = set with { Tasks = tasks };
        }

        if (!await SavedAsync(id, set, errors, "Input.", ct))
        {
            return View("Deadlines", new DeadlinesPage(state, input));
        }

        TempData[Flash.Success] = $"已添加期限：{state.RuleSet.Tasks[input.TaskIndex].Name} · {RuleTexts.Deadline(deadline!)}。";
        return Redirect($"/rules/drafts/{id}/deadlines");
    }

    /// <summary>Changes the date of one deadline (the usual edit: a new year's date, an extension).</summary>
    [HttpPost("{id:int}/deadlines/{task:int}/{index:int}")]
    public async Task<IActionResult> ChangeDeadline(int id, int task, int index, string? date, CancellationToken ct)
    {
        var state = await drafts.LoadAsync(id, ct);
        if (task < 0 || task >= state.RuleSet.Tasks.Count || index < 0 || index >= state.RuleSet.Tasks[task].Deadlines.Count)
        {
            return NotFound();
        }

        var parsed = new DeadlineInput { Date = date }.ParsedDate();
        var message = parsed is null ? $"“{date}”不是日期，应写作 2024-11-15" : null;
        if (parsed is { } d)
        {
            var tasks = state.RuleSet.Tasks.ToList();
            var list = tasks[task].Deadlines.ToList();
            list[index] = list[index] with { Date = d };
            tasks[task] = tasks[task] with { Deadlines = list };
            var errors = await drafts.SaveAsync(id, state.RuleSet with { Tasks = tasks }, ct);
            message = errors.Count == 0 ? null : string.Join("；", errors.Select(e => e.Message));
        }

        if (message is not null)
        {
            ModelState.AddModelError($"Deadline.{task}.{index}", message);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Deadlines", new DeadlinesPage(state, new DeadlineInput { Year = state.RuleSet.FromYear }) { Typed = (task, index, date) });
        }

        TempData[Flash.Success] = "期限已修改。";
        return Redirect($"/rules/drafts/{id}/deadlines");
    }

    [HttpPost("{id:int}/deadlines/{task:int}/{index:int}/delete")]
    public async Task<IActionResult> DeleteDeadline(int id, int task, int index, CancellationToken ct)
    {
        var state = await drafts.LoadAsync(id, ct);
        if (task >= 0 && task < state.RuleSet.Tasks.Count && index >= 0 && index < state.RuleSet.Tasks[task].Deadlines.Count)
        {
            var tasks = state.RuleSet.Tasks.ToList();
            tasks[task] = tasks[task] with { Deadlines = tasks[task].Deadlines.Where((_, i) => i != index).ToList() };
            await drafts.SaveAsync(id, state.RuleSet with { Tasks = tasks }, ct);
            TempData[Flash.Success] = "已删除该期限。";
        }

        return Redirect($"/rules/drafts/{id}/deadlines");
    }

    [HttpGet("{id:int}/publish")]
    public async Task<IActionResult> Publish(int id, CancellationToken ct) => View(await publishing.ReviewAsync(id, ct));

    [HttpPost("{id:int}/publish")]
    public async Task<IActionResult> Publish(int id, bool confirmed, string? comment, CancellationToken ct)
    {
        if (!confirmed)
        {
            ModelState.AddModelError("confirmed", "请勾选“我已核对以上差异和影响”后再发布");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(await publishing.ReviewAsync(id, ct) with { Comment = comment });
        }

        var state = await drafts.LoadAsync(id, ct);
        var (saved, notes) = await drafts.PublishAsync(id, comment, ct);
        if (saved is null)
        {
            foreach (var note in notes)
            {
                ModelState.AddModelError("", note.Message);
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(await publishing.ReviewAsync(id, ct) with { Comment = comment });
        }

        TempData[Flash.Success] = $"已发布{saved.PlanText} 第 {saved.PlanVersion} 版，自即刻起适用于 {state.Region.Name} 及下级地区。" +
            (notes.Count == 0 ? "" : "规则检查提示：" + string.Join("；", notes.Select(n => n.Message)));
        return Redirect($"/rules/{saved.RegionId}?plan={saved.FromYear}");
    }

    [HttpPost("{id:int}/discard")]
    public async Task<IActionResult> Discard(int id, bool confirmed, CancellationToken ct)
    {
        if (!confirmed)
        {
            TempData[Flash.Error] = "请勾选确认后再删除草稿。";
            return Redirect($"/rules/drafts/{id}/publish");
        }

        await drafts.DiscardAsync(id, ct);
        TempData[Flash.Success] = "草稿已删除；已发布的规划不受影响。";
        return Redirect("/rules/drafts");
    }

    private async Task<NewPlanPage> NewPageAsync(NewPlanInput input, CancellationToken ct)
    {
        var regions = await drafts.JurisdictionsAsync(ct);
        var region = input.RegionId == 0 ? regions.FirstOrDefault() : regions.FirstOrDefault(r => r.Id == input.RegionId) ?? throw new Core.Scope.OutOfScopeException();
        var (own, above) = region is null ? ([], null) : await drafts.StartsAsync(region, input.FromYear ?? DateTime.UtcNow.Year, ct);
        if (input.FromYear is null && region is not null)
        {
            var next = own.Count > 0 ? own.Max(v => v.ToYear) + 1 : DateTime.UtcNow.Year;
            input.FromYear = next;
            input.ToYear = next + 2;
        }

        input.RegionId = region?.Id ?? 0;
        return new NewPlanPage(regions, input, own, above);
    }

    /// <summary>Saves the rule set into the draft unless the form has errors; every error lands on its field (prefixed) or above the form.</summary>
    private async Task<bool> SavedAsync(int id, RuleSet set, Dictionary<string, string> formErrors, string prefix, CancellationToken ct)
    {
        if (formErrors.Count == 0)
        {
            foreach (var error in await drafts.SaveAsync(id, set, ct))
            {
                var field = DraftEdits.FieldOf(error.Path);
                formErrors.TryAdd(field.Length == 0 ? "" : field, error.Message);
                if (field.Length > 0 && formErrors[field] != error.Message)
                {
                    formErrors.TryAdd("", error.Message);
                }
            }
        }

        if (formErrors.Count == 0)
        {
            return true;
        }

        Refuse(formErrors, prefix);
        return false;
    }

    private void Refuse(Dictionary<string, string> errors, string prefix)
    {
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "" : prefix + field, message);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
    }
}

public sealed record NewPlanPage(IReadOnlyList<Core.Regions.Region> Regions, NewPlanInput Input, IReadOnlyList<RuleSetVersion> Own, RuleSetVersion? Above);

public sealed record BasicsPage(RuleDraftState State, BasicsInput Input);

public sealed record TasksPage(RuleDraftState State, int? Editing, TaskInput Input);

public sealed record DeadlinesPage(RuleDraftState State, DeadlineInput Input)
{
    /// <summary>A date typed into one deadline's change form that was refused: (task, deadline, text).</summary>
    public (int Task, int Index, string? Date)? Typed { get; init; }
}

/// <summary>Reads a field's first error in a view: <c>ModelState.ErrorOf("Input.Name")</c>.</summary>
public static class ModelStateErrors
{
    public static string? ErrorOf(this ModelStateDictionary state, string key) => state[key]?.Errors.FirstOrDefault()?.ErrorMessage;
}
