namespace Acme.Integration
{
    public static class Settings
    {
        public const string FlexportApiKey = "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzWmtlRmNQWExqODMiLCJpYXQiOjE3MDY4NzI4NTgsImp0aSI6Ijk2NTA5MTlhLTRmNmQtNGMxYS1hZmE0LTY3MWJhZWI0OGJmZCIsInNjb3BlIjoiYXBpIn0.dhcYja4O1BsjSeHeqswIasYKLm16SIvqb6NdeMga1nY";
    }
}
