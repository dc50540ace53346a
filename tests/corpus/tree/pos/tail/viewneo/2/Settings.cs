namespace Acme.Integration
{
    public static class Settings
    {
        public const string ViewneoAccessToken = "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwZEZKM1RjV0p2OVUiLCJpYXQiOjE3MDQ1MTQ3MzAsImp0aSI6IjY2NzNhNDU4LTMxOTktNGY3ZC1hYzgwLTY0MWIxMDYxYTU2NSIsInNjb3BlIjoiYXBpIn0.TUz0GQYfczhT5ad4sG2Dho1Txfa-MM1mHGotTtOcDN8";
    }
}
