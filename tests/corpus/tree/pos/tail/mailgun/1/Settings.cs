namespace Acme.Integration
{
    public static class Settings
    {
        public const string MailgunApiKey = "key-4b07fe16329f41c99c3e79a8fda103de";
    }
}
