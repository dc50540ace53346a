namespace Acme.Integration
{
    public static class Settings
    {
        public const string UpleadApiKey = "9bf3cbf3fd0087c2a15fe006c51e402d";
    }
}
