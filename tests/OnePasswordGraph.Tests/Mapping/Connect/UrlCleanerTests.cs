using OnePasswordGraph.Mapping.Connect;

namespace OnePasswordGraph.Tests.Mapping.Connect;

public sealed class UrlCleanerTests
{
    [Theory]
    [InlineData("https://deploy:s3cret@ci.example.com/login?token=abc#frag", "https://ci.example.com/login")]
    [InlineData("https://db.internal.example.com", "https://db.internal.example.com/")]
    [InlineData("http://10.0.0.5:8443/admin/", "http://10.0.0.5:8443/admin/")]
    [InlineData("ssh://git@github.com:22/org/repo.git", "ssh://github.com:22/org/repo.git")]
    [InlineData("not a url with password=hunter2", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Clean_DropsUserInfoQueryFragmentAndNonUrls(string? href, string? expected) => Assert.Equal(expected, UrlCleaner.Clean(href));
}
