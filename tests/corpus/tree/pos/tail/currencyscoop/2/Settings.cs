namespace Acme.Integration
{
    public static class Settings
    {
        public const string CurrencyscoopApiKey = "345bd195f0102251807de0a1c2cc487d";
    }
}
