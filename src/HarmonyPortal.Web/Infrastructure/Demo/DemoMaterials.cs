using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Indicators;
using HarmonyPortal.Core.Materials;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Web.Features.Indicators;
using HarmonyPortal.Web.Features.Materials;
using HarmonyPortal.Web.Features.Materials.Publication;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Infrastructure.Demo;

/// <summary>
/// The materials (材料报送) and indicator figures (指标报送) of the demo, written by the demo logins through
/// <see cref="MaterialSubmitterService"/>, <see cref="MaterialReviewService"/>, <see cref="PublicationService"/>,
/// <see cref="IndicatorService"/> and <see cref="IndicatorReviewService"/> as their clicks would. Only tasks the plans
/// owe in the year are used (the plans' undated tasks are owed every year); each step looks first, so a second run adds nothing.
/// </summary>
public static class DemoMaterials
{
    /// <summary>A small well-formed PDF: the file a clerk would attach (the services check files by their content).</summary>
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    public static async Task EnsureAsync(IServiceProvider root, int year)
    {
        // 岳阳's counties owe the 薪酬分配指导专题情况报告 every year: 岳阳市 accepted 岳阳楼区's, returned 君山区's, 云溪区's waits.
        const string TopicReport = "wage-guidance-topic-report";
        var accepted = await SubmitAsync(root, "yylq", "430600", TopicReport, year, "岳阳楼区薪酬分配指导工作专题情况报告",
            "全区参加国家薪酬调查企业 46 户，开展薪酬数据反馈服务 42 户，重点指导国有企业市场化薪酬分配改革 3 户。");
        await ReviewAsync(root, "yy.reviewer", accepted, why: null);
        var returned = await SubmitAsync(root, "yyjs", "430600", TopicReport, year, "君山区薪酬分配指导工作专题情况报告",
            "本区开展薪酬调查和数据反馈服务的总体情况、主要做法和存在问题。");
        await ReviewAsync(root, "yy.reviewer", returned, why: "请补充参加薪酬调查企业名单及反馈服务情况表，并加盖区人社局公章后重新提交");
        await SubmitAsync(root, "yyyx", "430600", TopicReport, year, "云溪区薪酬分配指导工作专题情况报告",
            "围绕石化产业企业开展薪酬调查和分配指导的情况报告。");

        // 唐山高新区's 经验做法 (its own plan: the zone submits, 唐山市 receives): accepted and published by the city.
        var experience = await SubmitAsync(root, "tsgx", "130200-GX", "wage-guidance-experience", year, "高新区国有企业市场化薪酬分配改革经验做法",
            "以岗位价值评估为基础，建立“一岗多薪、易岗易薪”的薪酬体系，试点企业职工收入稳步增长，人才流失率明显下降。");
        await ReviewAsync(root, "ts.reviewer", experience, why: null);
        await PublishAsync(root, "ts.reviewer", experience);

        // 赣州市 owes its 经验做法 to 江西省 (the plan says the city submits): submitted, awaiting the province.
        await SubmitAsync(root, "gz", "360700", "wage-guidance-experience", year, "赣州市企业薪酬分配指导经验做法",
            "发布分行业企业薪酬指导价位，组织重点企业开展工资集体协商，推动稀土、家具等主导产业建立技能导向的薪酬分配制度。");

        // Indicator figures with their evidence: 唐山高新区's two shares (one accepted by 唐山市), 济源's training count, 赣州's share.
        var feedback = await ReportAsync(root, "tsgx", "130200-GX", "wage-data-feedback", year, "93.5", "参加薪酬调查企业 31 户，其中 29 户获得薪酬数据反馈服务。");
        await AcceptIndicatorAsync(root, "ts.reviewer", feedback);
        await ReportAsync(root, "tsgx", "130200-GX", "wage-data-targeted", year, "64.5", "20 户企业获得针对性、个性化的薪酬分配指导服务。");
        await ReportAsync(root, "jy", "410000-JY", "coordinator-training", year, "72", "举办劳动关系协调员培训班 2 期，参训 72 人（签到表附后）。");
        await ReportAsync(root, "gz", "360700", "wage-data-feedback", year, "91", "全市参加薪酬调查企业 320 户，291 户获得数据反馈服务。");

        // 岳阳市's 2023 share was due on 2023-06-30 and never reported: 湖南省 extended the date and the city reported then.
        await LateAsync(root, year);
    }

    /// <summary>
    /// 岳阳市's 2023 薪酬数据反馈 figure: past its plan date (2023-06-30), so the province's reviewer extends the date with a
    /// reason first (as a clerk would have asked), then the city's clerk reports it; the page shows it 已延期.
    /// </summary>
    private static async Task LateAsync(IServiceProvider root, int year)
    {
        const int Late = 2023;
        if (year <= Late || await FindReportAsync(root, "yy", "wage-data-feedback", Late) is not null)
        {
            return;
        }

        await DemoActor.AsAsync(root, "hn.reviewer", async services =>
        {
            var (region, jurisdiction) = await IdsAsync(services, "yy", "430600");
            var until = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetLocalNow().DateTime).AddDays(30);
            var outcome = await services.GetRequiredService<IndicatorReviewService>().ExtendAsync(region, jurisdiction, "wage-data-feedback", Late, until,
                "企业薪酬调查数据回收滞后，经市里申请同意延期报送", default);
            Ensure(outcome, "extend 岳阳市 2023");
        });
        await ReportAsync(root, "yy", "430600", "wage-data-feedback", Late, "86", "2023 年全市参加国家薪酬调查企业 150 户，129 户获得数据反馈服务（延期后补报）。");
    }

    private static async Task<long> SubmitAsync(IServiceProvider root, string county, string jurisdictionCode, string taskId, int year, string title, string summary) =>
        await DemoActor.AsAsync(root, county + ".clerk", async services =>
        {
            var db = services.GetRequiredService<HarmonyDbContext>();
            var (region, jurisdiction) = await IdsAsync(services, county, jurisdictionCode);
            var existing = await db.MaterialSubmissions.AsNoTracking().Where(m => m.RegionId == region && m.TaskId == taskId && m.Year == year).Select(m => (long?)m.Id).FirstOrDefaultAsync();
            if (existing is { } id)
            {
                return id;
            }

            var materials = services.GetRequiredService<MaterialSubmitterService>();
            var files = new[] { new MaterialUpload(title + ".pdf", Pdf.Length, () => new MemoryStream(Pdf)) };
            var (created, createdId) = await materials.CreateAsync(region, year, jurisdiction, taskId, title, summary, files, default);
            Ensure(created, $"create material {title}");
            var version = await db.MaterialSubmissions.AsNoTracking().Where(m => m.Id == createdId).Select(m => m.Version).SingleAsync();
            Ensure(await materials.SubmitAsync(createdId!.Value, version, confirmed: true, default), $"submit material {title}");
            return createdId.Value;
        });

    /// <summary>The level above receives the material, or returns it with the reason given (once: only a submitted one).</summary>
    private static Task ReviewAsync(IServiceProvider root, string reviewer, long id, string? why) =>
        DemoActor.AsAsync(root, reviewer, async services =>
        {
            var material = await services.GetRequiredService<HarmonyDbContext>().MaterialSubmissions.AsNoTracking().SingleAsync(m => m.Id == id);
            if (material.Status != ReviewStatus.Submitted)
            {
                return;
            }

            var review = services.GetRequiredService<MaterialReviewService>();
            Ensure(why is null ? await review.AcceptAsync(id, material.Version, confirmed: true, default) : await review.ReturnAsync(id, material.Version, why, confirmed: true, default),
                $"review material {id}");
        });

    private static Task PublishAsync(IServiceProvider root, string reviewer, long id) =>
        DemoActor.AsAsync(root, reviewer, async services =>
        {
            var material = await services.GetRequiredService<HarmonyDbContext>().MaterialSubmissions.AsNoTracking().SingleAsync(m => m.Id == id);
            if (material.PublishedAtUtc is null)
            {
                var (_, _, error) = await services.GetRequiredService<PublicationService>().PublishAsync(id, material.Version, confirmed: true, default);
                if (error is not null)
                {
                    throw new InvalidOperationException($"Demo material step refused: publish {id}: {error}");
                }
            }
        });

    /// <summary>The region's clerk reports the figure with a scanned evidence file, unless a report of it exists; the report's id.</summary>
    private static async Task<long> ReportAsync(IServiceProvider root, string key, string jurisdictionCode, string taskId, int year, string value, string note)
    {
        if (await FindReportAsync(root, key, taskId, year) is { } existing)
        {
            return existing;
        }

        await DemoActor.AsAsync(root, key + ".clerk", async services =>
        {
            var (region, jurisdiction) = await IdsAsync(services, key, jurisdictionCode);
            var files = new (string, long, Func<Stream>)[] { ("统计表及证明材料.pdf", Pdf.Length, () => new MemoryStream(Pdf)) };
            Ensure(await services.GetRequiredService<IndicatorService>().ReportAsync(region, year, jurisdiction, taskId, value, note, files, default), $"report {key} {taskId} {year}");
        });
        return (await FindReportAsync(root, key, taskId, year))!.Value;
    }

    private static Task AcceptIndicatorAsync(IServiceProvider root, string reviewer, long reportId) =>
        DemoActor.AsAsync(root, reviewer, async services =>
        {
            var report = await services.GetRequiredService<HarmonyDbContext>().IndicatorReports.AsNoTracking().SingleAsync(r => r.Id == reportId);
            if (report.Status == ReviewStatus.Submitted)
            {
                var outcome = await services.GetRequiredService<IndicatorReviewService>().StepAsync(report.RegionId, reportId, IndicatorReviewStep.Accept, null, confirmed: true, new ServiceResult(), default);
                Ensure(outcome, $"accept report {reportId}");
            }
        });

    private static Task<long?> FindReportAsync(IServiceProvider root, string key, string taskId, int year) =>
        DemoActor.AsAsync(root, key + ".clerk", async services =>
        {
            var code = Seed(key).Code;
            return await services.GetRequiredService<HarmonyDbContext>().IndicatorReports.AsNoTracking()
                .Where(r => r.Region.Code == code && r.TaskId == taskId && r.Year == year).Select(r => (long?)r.Id).FirstOrDefaultAsync();
        });

    private static async Task<(int Region, int Jurisdiction)> IdsAsync(IServiceProvider services, string key, string jurisdictionCode)
    {
        var db = services.GetRequiredService<HarmonyDbContext>();
        var code = Seed(key).Code;
        var ids = await db.Regions.AsNoTracking().Where(r => r.Code == code || r.Code == jurisdictionCode).ToDictionaryAsync(r => r.Code, r => r.Id);
        return (ids[code], ids[jurisdictionCode]);
    }

    private static RegionSeed Seed(string key) => RegionSeed.FiveJurisdictions.SelectMany(p => p.SelfAndDescendants()).Single(r => r.Key == key);

    private static void Ensure(ServiceResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo material step refused: {what}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
        }
    }
}
