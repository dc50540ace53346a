psexec \\fileserver01 -u CORP\administrator -p IDchCjeXgBKNvhYH14c20 -s cmd /c "net stop spooler"
