namespace Acme.Integration
{
    public static class Settings
    {
        public const string SupabasetokenAccessToken = "sbp_4fb2445e46847c5af84441744bf743aa551b96d2";
    }
}
