namespace Acme.Integration
{
    public static class Settings
    {
        public const string SidekiqProCredentials = "d89e58be:eb65cd37";
    }
}
