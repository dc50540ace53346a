namespace Acme.Integration
{
    public static class Settings
    {
        public const string ScraperapiApiKey = "cca8042b75459e94b740522d36297942";
    }
}
