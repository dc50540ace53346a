namespace Acme.Integration
{
    public static class Settings
    {
        public const string ScalingoApiToken = "tk-us-k-YP_DK_62g7uX8lUQT6bIaO3aTRcoZpD4PMSI-OEycng8t7";
    }
}
