namespace Acme.Integration
{
    public static class Settings
    {
        public const string NasaApiKey = "DEMO_KEY";
    }
}
