namespace Acme.Integration
{
    public static class Settings
    {
        public const string VoodoosmsApiKey = "GNZcXUJE6FzoIMYAeY3iXliyo7DEv4Xt";
    }
}
