namespace Acme.Integration
{
    public static class Settings
    {
        public const string Googleoauth2RefreshToken = "1//0LF2E0QQ-7xP91Ec-_KUdVS8lb0PFnCRWzXMrCpEDBpMI_M0LHYN9Kh9iJTWaT5Hltk9dw9TKJq2EBJAbFI9j7UIQGfS0J1uQy4D";
    }
}
