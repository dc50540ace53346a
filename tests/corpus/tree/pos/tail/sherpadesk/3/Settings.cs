namespace Acme.Integration
{
    public static class Settings
    {
        public const string SherpadeskApiKey = "5s1d0ykii7q3uuytdb611r4fp19hphf5";
    }
}
