namespace Acme.Integration
{
    public static class Settings
    {
        public const string SimvolyApiKey = "935f3e8eaaf146b92ec751f949be218a";
    }
}
