psexec \\fileserver01 -u CORP\administrator -p DXN@4fRh=glfe -s cmd /c "net stop spooler"
