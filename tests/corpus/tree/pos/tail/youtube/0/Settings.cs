namespace Acme.Integration
{
    public static class Settings
    {
        public const string YoutubeDataApiKey = "AIzaz4cdzhtkzyN-yN0jxAqGujh7QvVFwAYZAiQ";
    }
}
