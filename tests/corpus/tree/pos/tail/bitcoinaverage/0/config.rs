pub const BITCOINAVERAGE_PUBLIC_KEY_SECRET: &str = "rzxVFj4Hs0WCusNjybZibPheBXmkCljwNGmCMc7SBla";
