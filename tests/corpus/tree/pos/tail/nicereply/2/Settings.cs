namespace Acme.Integration
{
    public static class Settings
    {
        public const string NicereplyApiKey = "585c328d34459359e934c0750a165517b2c47d2a";
    }
}
