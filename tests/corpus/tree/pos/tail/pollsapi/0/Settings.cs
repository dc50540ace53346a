namespace Acme.Integration
{
    public static class Settings
    {
        public const string PollsapiApiKey = "86E9LE4ZNG8ZGVUIPDMCWB4XWY4Y";
    }
}
