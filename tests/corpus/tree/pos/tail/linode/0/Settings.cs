namespace Acme.Integration
{
    public static class Settings
    {
        public const string LinodeToken = "a569a1fd1857d973cf9072ddb86f321fc1ef835aa09628d695adedde84681677";
    }
}
