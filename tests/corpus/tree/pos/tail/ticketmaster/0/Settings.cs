namespace Acme.Integration
{
    public static class Settings
    {
        public const string TicketmasterConsumerKey = "oslQbxSttcKvSaZOyTix6HPpy3fKLhsv";
    }
}
