namespace Acme.Integration
{
    public static class Settings
    {
        public const string GitlabSessionCookie = "_gitlab_session=f853fa08daa4b07fc538ae1a8d3f2e8b";
    }
}
