namespace Acme.Integration
{
    public static class Settings
    {
        public const string BuddynsApiToken = "1a58f8280daca94989cd9e059ac41710679d271c";
    }
}
