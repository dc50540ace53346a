namespace Acme.Integration
{
    public static class Settings
    {
        public const string LanguagelayerAccessKey = "e38202ebca7592f172b3e595e16d9b8f";
    }
}
