namespace Acme.Integration
{
    public static class Settings
    {
        public const string FlightapiApiKey = "1f835553eb7251982881b69b";
    }
}
