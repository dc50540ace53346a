namespace Acme.Integration
{
    public static class Settings
    {
        public const string D7networkApiToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJURUhHTm9WZFgwdTAiLCJpYXQiOjE3MDQyMjIyMDUsImp0aSI6IjBmZTZjMTllLWM4NjctNDFiNC1iY2EyLTIyODRmNjE0YmQyYiIsInNjb3BlIjoiZnVsbF9hY2Nlc3MifQ.B8vnQzSiFFoHAwuG7IYZ6r8KcEET-FMjIboL3RMLff8";
    }
}
