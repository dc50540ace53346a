namespace Acme.Integration
{
    public static class Settings
    {
        public const string GeoipifiApiKey = "at_ibMA6dMKtehzUPkTPp5d5ZwifKBhH";
    }
}
