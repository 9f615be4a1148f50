#!/bin/sh
# 法治考核 WPS 加载项：在统信 UOS、银河麒麟等信创系统（WPS Linux 版）上为当前登录用户离线安装。
# 用法：先完全退出 WPS，在解压后的 offline 文件夹中运行  sh install-linux.sh
# 它把 kaohe_<版本> 文件夹复制到 ~/.local/share/Kingsoft/wps/jsaddons/（WPS_JSADDONS 可改），并在那里的 publish.xml
# 中加入（或换成）本加载项的一行；别的加载项的行原样保留，改前的文件留作 publish.xml.bak。
set -eu
here=$(cd "$(dirname "$0")" && pwd)
name=kaohe
line=$(grep -o '<jsplugin [^>]*/>' "$here/publish.xml")
folder=$(printf '%s\n' "$line" | sed 's/.* url="\([^"]*\)".*/\1/')
dir="${WPS_JSADDONS:-$HOME/.local/share/Kingsoft/wps/jsaddons}"
if [ ! -d "$here/$folder" ]; then
  echo "找不到 $here/$folder：请在解压后的 offline 文件夹中运行本脚本。" >&2
  exit 1
fi
mkdir -p "$dir"
rm -rf "$dir/$folder"
cp -R "$here/$folder" "$dir/$folder"
publish="$dir/publish.xml"
if [ -f "$publish" ] && grep -q '</jsplugins>' "$publish"; then
  cp "$publish" "$publish.bak"
  # Our earlier entries go (any version, online or offline); the new one goes before </jsplugins>.
  awk -v line="$line" -v name="$name" '
    {
      gsub("<jsplugin(online)?[^>]*name=\"" name "\"[^>]*/>", "")
      if (!done && index($0, "</jsplugins>") > 0) {
        at = index($0, "</jsplugins>")
        printf "%s  %s\n%s\n", substr($0, 1, at - 1), line, substr($0, at)
        done = 1
        next
      }
      print
    }' "$publish.bak" | grep -v '^[[:space:]]*$' > "$publish.tmp"
  mv "$publish.tmp" "$publish"
else
  if [ -f "$publish" ]; then cp "$publish" "$publish.bak"; fi
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  %s\n</jsplugins>\n' "$line" > "$publish"
fi
echo "已安装到 $dir/$folder"
echo "请重新打开 WPS 表格，在“开始”选项卡点击“法治考核”。"
