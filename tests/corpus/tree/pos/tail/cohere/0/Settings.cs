namespace Acme.Integration
{
    public static class Settings
    {
        public const string CohereApiKey = "CNZf5DYLtxow5dZiwCRUwlmZ6p52lrIaA1fGCHAK";
    }
}
