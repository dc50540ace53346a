$password = ConvertTo-SecureString "SeuhR?dxdknuxNwJ-" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential ("CORP\svc-backup", $password)
