namespace Acme.Integration
{
    public static class Settings
    {
        public const string VultrapikeyApiKey = "YW7POT28VGJJCUUTVUH4YTOYIHHACIAT4WMH";
    }
}
