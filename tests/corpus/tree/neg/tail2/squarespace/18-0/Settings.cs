namespace Acme.Integration
{
    public static class Settings
    {
        public const string SquarespaceWebsiteId = "038c7aa7-15ab-4be5-80b2-fdcc164f9692";
    }
}
