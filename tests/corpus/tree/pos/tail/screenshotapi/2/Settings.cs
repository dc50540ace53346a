namespace Acme.Integration
{
    public static class Settings
    {
        public const string ScreenshotapiToken = "OHCNTCE-OKBIIT8-PIP1A61-KHSQ32L";
    }
}
