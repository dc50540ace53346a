namespace Acme.Integration
{
    public static class Settings
    {
        public const string DataboxPushToken = "f58879c66e1e9ca43a6443ffdddb0dd5";
    }
}
