using OnePasswordGraph.Cli.Report;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Tests.Cli.Report;

public sealed class HtmlReportTests
{
    [Fact]
    public void Render_HostileTextFromTheGraph_AppearsAsEscapedText()
    {
        var finding = ReportSamples.Finding("f1", AlertSeverity.High, summary: "<script>alert(1)</script> & \"quoted\"", ruleId: "<img src=x onerror=alert(2)>") with
        {
            Nodes = [new("f1", "one_password_alert", "x"), new("u1", "one_password_user", "<b onclick=\"x\">eve</b>")],
            Edges = [new("f1", "u1", "FLAGS")],
        };

        var html = HtmlReport.Render("<acme>", [finding], ReportSamples.Now);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<acme>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b onclick=&quot;x&quot;&gt;eve&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoFindings_SaysSo()
    {
        var html = HtmlReport.Render("acme", [], ReportSamples.Now);

        Assert.Contains("No findings", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Findings_GroupsThemBySeverityMostSevereFirstWithCounts()
    {
        var findings = new[]
        {
            ReportSamples.Finding("a1", AlertSeverity.Low),
            ReportSamples.Finding("a2", AlertSeverity.Critical),
            ReportSamples.Finding("a3", AlertSeverity.Low),
        };

        var html = HtmlReport.Render("acme", findings, ReportSamples.Now);

        Assert.Contains("<h2 id=\"critical\">critical (1)</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"low\">low (2)</h2>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("fingerprint a2", StringComparison.Ordinal) < html.IndexOf("fingerprint a1", StringComparison.Ordinal));
        Assert.True(html.IndexOf("fingerprint a1", StringComparison.Ordinal) < html.IndexOf("fingerprint a3", StringComparison.Ordinal));
        Assert.DoesNotContain("id=\"high\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Page_FetchesNothingAndRunsNoScript()
    {
        var html = HtmlReport.Render("acme", [ReportSamples.Finding("a1", AlertSeverity.High)], ReportSamples.Now);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
    }
}
