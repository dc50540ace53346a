namespace Acme.Integration
{
    public static class Settings
    {
        public const string ParalleldotsApiKey = "VONv3y6YE3qfSciFE2hnsJKGoBrxwXapSmCcG3W50vG";
    }
}
