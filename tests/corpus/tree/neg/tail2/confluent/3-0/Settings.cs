namespace Acme.Integration
{
    public static class Settings
    {
        public const string ConfluentApiKeyId = "9TQJPDNX8HYXF79Y";
    }
}
