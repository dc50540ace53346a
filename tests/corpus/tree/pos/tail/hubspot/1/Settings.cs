namespace Acme.Integration
{
    public static class Settings
    {
        public const string HubspotPrivateAppToken = "pat-na1-dda9073f-29a5-4f94-a1ab-bc7342303db4";
    }
}
