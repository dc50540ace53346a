namespace Acme.Integration
{
    public static class Settings
    {
        public const string AzurestorageAccountKey = "39Wxker3LyOvogAOmwRQ2kSY7fXC9zybG/H+d/N+y++82G1asjV+XS1zxkzHBO2HNQkqTyy58MOR8TF434ETKg==";
    }
}
