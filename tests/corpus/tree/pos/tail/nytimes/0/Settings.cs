namespace Acme.Integration
{
    public static class Settings
    {
        public const string NytimesApiKey = "L9VkjjZXMwp36zybWNhkPGwPVIr9oAPT";
    }
}
