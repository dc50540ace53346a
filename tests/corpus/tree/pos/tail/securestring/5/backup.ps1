$password = ConvertTo-SecureString "BVPEEe0O1h%j~P8R+bq-" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential ("CORP\svc-backup", $password)
