namespace Acme.Integration
{
    public static class Settings
    {
        public const string EnigmaApiKey = "kU449vVTp6eTnk0BHEO0S3DOPanPv38uQboHPVnfMhwM7uOi4ZERbeI3YaSxEju6";
    }
}
