namespace Acme.Integration
{
    public static class Settings
    {
        public const string IpapiAccessKey = "ef66f17bb7de0e4e773dce542b9e2459";
    }
}
