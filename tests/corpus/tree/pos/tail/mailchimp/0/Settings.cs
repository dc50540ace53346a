namespace Acme.Integration
{
    public static class Settings
    {
        public const string MailchimpApiKey = "8cc46d65acf7fd78e8cc9f780385ecf3-us52";
    }
}
