namespace Acme.Integration
{
    public static class Settings
    {
        public const string SimplesatApiKey = "e733dde97285b7bed8eb95b0702e872ffeb4540f";
    }
}
