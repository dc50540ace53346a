namespace Acme.Integration
{
    public static class Settings
    {
        public const string BrowshotApiKey = "eRYlLGzLNijqzZfXRgL6dIoaliET";
    }
}
