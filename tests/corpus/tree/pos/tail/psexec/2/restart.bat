psexec \\fileserver01 -u CORP\administrator -p ihYWDxEyafa+8PL -s cmd /c "net stop spooler"
