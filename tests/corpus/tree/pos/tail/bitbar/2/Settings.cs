namespace Acme.Integration
{
    public static class Settings
    {
        public const string BitbarApiKey = "0kJPtA89T3HDhnaR4IJI3z2UrMVwWxSO";
    }
}
