export const ADMIN_HASH = '$5$jKnhkiRTy10eyUeX$hC2uwsyMFCvC.TedkaKpEKgr7wOOo9Gj55qBmVX2RhI';
